package org.dodam.architecture.planted.second;

import org.dodam.architecture.planted.first.Planted;

/** The other half of the planted loop. */
public class Loop {
    Planted forth;
}
