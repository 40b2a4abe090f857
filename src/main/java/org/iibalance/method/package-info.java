/**
 * Training methods behind one interface ({@link org.iibalance.method.TrainingMethod}): IIBalance and
 * its ablations, joint training, unimodal training. IIBalance's parts carry the paper's names:
 * {@link org.iibalance.method.InformationBudget} (Eq. 1-2), {@link org.iibalance.method.AnchorPrototypes}
 * (Eq. 3), {@link org.iibalance.method.RelativeAlignmentLoss} (Eq. 4-5),
 * {@link org.iibalance.method.StageOneLoss} (Eq. 6), {@link org.iibalance.method.UncertaintyGate}
 * (Eq. 7-10), {@link org.iibalance.method.StageTwoLoss} (Eq. 11), {@link org.iibalance.method.LambdaSchedule}
 * (Eq. 12-13).
 */
package org.iibalance.method;
