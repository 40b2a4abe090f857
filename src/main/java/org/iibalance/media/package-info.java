/**
 * Decoding and feature extraction only: audio to log-Mel spectrograms, frames sampled and resized.
 * Nothing here knows about training.
 */
package org.iibalance.media;
