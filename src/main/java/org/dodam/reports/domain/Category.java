package org.dodam.reports.domain;

/** What happened, in the words a student would choose. Counted by the school's statistics. */
public enum Category {
    DEEPFAKE,
    INTIMATE_IMAGES,
    SEXTORTION,
    HIDDEN_CAMERA,
    GROUP_CHAT,
    OTHER
}
