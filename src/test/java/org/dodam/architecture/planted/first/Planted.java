package org.dodam.architecture.planted.first;

import org.dodam.architecture.planted.second.Loop;

/** Half of a planted loop between two packages, which {@code ArchitectureTest} must catch. */
public class Planted {
    Loop back;
}
