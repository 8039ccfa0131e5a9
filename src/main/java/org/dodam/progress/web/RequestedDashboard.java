package org.dodam.progress.web;

import java.util.Optional;
import org.dodam.accounts.application.Actor;
import org.dodam.platform.DodamException;
import org.dodam.progress.application.ClassDashboard;
import org.dodam.progress.application.ClassProgress;

/**
 * The dashboard a class export (CSV or PDF) asks for with {@code ?id=}: present only for the signed-in
 * teacher's own class; empty for anyone else, a malformed id or a class that does not exist, which the
 * servlets answer with 404.
 */
final class RequestedDashboard {

    private RequestedDashboard() {}

    static Optional<ClassDashboard> of(String id, Actor teacher, ClassProgress progress) {
        if (teacher == null || id == null || !id.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(progress.forClass(teacher, Long.parseLong(id)));
        } catch (DodamException e) {
            return Optional.empty();
        }
    }
}
