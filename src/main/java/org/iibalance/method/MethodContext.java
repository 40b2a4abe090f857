package org.iibalance.method;

import org.bytedeco.pytorch.Device;
import org.iibalance.config.ExperimentConfig;
import org.iibalance.model.MultimodalNetwork;

/**
 * What a method may use before and during training.
 *
 * @param config   the run's configuration
 * @param network  the network being trained
 * @param device   the training device
 * @param data     mini-batches of train and validation
 * @param progress where the method reports its own phases (e.g. budget estimation)
 */
public record MethodContext(ExperimentConfig config, MultimodalNetwork network, Device device, BatchSource data, MethodProgress progress) {}
