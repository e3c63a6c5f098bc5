package dev.integrity.ingest.model;

import java.util.List;

/** The active edges an enforcement scope covers, by kind: row ids and who receives each. */
public record ScopedEngagement(List<ActiveEdge> follows, List<ActiveEdge> likes, List<ActiveEdge> comments) {

    public long total() {
        return follows.size() + likes.size() + comments.size();
    }

    public boolean isEmpty() {
        return total() == 0;
    }
}
