package org.unrest.service;

import org.unrest.pipeline.Pipeline;
import org.unrest.pipeline.PipelineConfig;
import org.unrest.pipeline.StageRegistry;

/** The pipeline front ends use: the stages the default configuration names, built once per process. */
public final class Pipelines {
    private static volatile Pipeline standard;

    private Pipelines() {
    }

    public static Pipeline standard() {
        Pipeline p = standard;
        if (p == null) {
            synchronized (Pipelines.class) {
                p = standard;
                if (p == null) {
                    p = Pipeline.fromConfig(PipelineConfig.defaults(), new StageRegistry());
                    standard = p;
                }
            }
        }
        return p;
    }
}
