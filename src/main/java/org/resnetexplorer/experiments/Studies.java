package org.resnetexplorer.experiments;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The kinds of study a preset can name, and the method that measures each. */
public final class Studies {
    private static final Map<String, Supplier<StudyMethod>> METHODS = new LinkedHashMap<>();

    static {
        // one line per kind, as a preset's "study": {"kind": ...} names it: METHODS.put("name", NameStudy::new);
        METHODS.put("lesion", LesionStudy::new);
        METHODS.put("insert-block", InsertBlockStudy::new);
        METHODS.put(ShatteredGradientsStudy.KIND, ShatteredGradientsStudy::new);
        METHODS.put("loss-landscape", LossLandscapeStudy::new);
    }

    /** Every kind, as a preset's {@code "study": {"kind": ...}} names it. */
    public static final List<String> KINDS = List.copyOf(METHODS.keySet());

    private Studies() {
    }

    /**
     * A new method for the study's kind (one per preset read: it keeps its settings once checked).
     *
     * @throws ExperimentFileException if the kind is not one of {@link #KINDS}
     */
    public static StudyMethod method(Study study) throws ExperimentFileException {
        Supplier<StudyMethod> method = METHODS.get(study.kind());
        if (method == null) {
            throw study.settings().problem("kind", "is '" + study.kind() + "', not one of the studies ("
                    + String.join(", ", KINDS) + ")");
        }
        return method.get();
    }
}
