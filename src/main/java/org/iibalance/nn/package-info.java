/**
 * The one thin layer over libtorch (through JavaCPP): devices, native-memory scopes, modules with
 * parameters kept by handle, tensors to and from Java arrays, and checkpoint files. Nothing above this
 * package should need {@code org.bytedeco.pytorch} for more than passing {@code Tensor}s around.
 */
package org.iibalance.nn;
