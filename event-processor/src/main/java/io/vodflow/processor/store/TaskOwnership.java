package io.vodflow.processor.store;

/** The one rule of which media a procedure task belongs to, as SQL, for every query that joins the two. */
public final class TaskOwnership {
    private TaskOwnership() {
    }

    /**
     * A condition on a procedure_task alias and a media alias: the task names the media's file, or it names no file and
     * the media's upload reported its TaskId. A task that names another file is that file's, whatever TaskId an upload
     * reported (a forged or mistaken NewFileUpload must not pull in another file's renditions or owner).
     */
    public static String taskOfMedia(String task, String media) {
        return "(%1$s.file_id = %2$s.file_id OR (%1$s.file_id IS NULL AND %1$s.task_id = %2$s.procedure_task_id))"
                .formatted(task, media);
    }
}
