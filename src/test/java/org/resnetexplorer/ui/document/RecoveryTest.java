package org.resnetexplorer.ui.document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.resnetexplorer.graph.GraphFileException;
import org.resnetexplorer.graph.Network;
import org.resnetexplorer.graph.Templates;
import org.resnetexplorer.ui.work.BackgroundWork;
import org.resnetexplorer.ui.work.SameThreadWork;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.assertj.core.api.Assertions.assertThat;



class RecoveryTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("a saved recovery is found with its origin file; discarding removes it")
    void saveFindDiscard() throws Exception {
        Network network = Templates.build("mlp-resnet-4");
        Path origin = temp.resolve("mine.json");
        List<String> failures = new ArrayList<>();
        try (Recovery recovery = new Recovery(temp.resolve("recovery"), BackgroundWork.threads())) {
            assertThat(recovery.find()).isEmpty();
            recovery.save(network, origin, failures::add).get(10, TimeUnit.SECONDS);
            Recovery.Recovered found = recovery.find().orElseThrow();
            assertThat(found.network()).isEqualTo(network);
            assertThat(found.origin()).contains(origin.toAbsolutePath());
            recovery.discard();
            assertThat(recovery.find()).isEmpty();
        }
        assertThat(failures).isEmpty();
    }

    @Test
    @DisplayName("a new graph has no origin; an unwritable folder reports a message instead of throwing")
    void noOriginAndFailures() throws Exception {
        try (Recovery recovery = new Recovery(temp.resolve("recovery"), BackgroundWork.threads())) {
            recovery.save(Templates.build("mlp-plain-2"), null, m -> { }).get(10, TimeUnit.SECONDS);
            assertThat(recovery.find().orElseThrow().origin()).isEmpty();
        }
        Path file = temp.resolve("a-file");
        Files.writeString(file, "not a folder");
        List<String> failures = new ArrayList<>();
        try (Recovery blocked = new Recovery(file.resolve("recovery"), BackgroundWork.threads())) {
            blocked.save(Templates.build("mlp-plain-2"), null, failures::add).get(10, TimeUnit.SECONDS);
        }
        assertThat(failures).singleElement().asString().contains("could not autosave").contains("save your graph yourself");
    }

    @Test
    @DisplayName("a damaged recovery file is reported as a graph file problem")
    void damaged() throws Exception {
        Path folder = temp.resolve("recovery");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(Recovery.GRAPH), "{\"format\": ");
        try (Recovery recovery = new Recovery(folder, BackgroundWork.threads())) {
            assertThatThrownBy(recovery::find).isInstanceOf(GraphFileException.class);
        }
    }

    @Test
    @DisplayName("writes through the seam it is given, in order: with a same-thread one the files are there when save"
            + " returns, and a write asked for after close is skipped")
    void writesThroughItsSeam() throws Exception {
        SameThreadWork work = new SameThreadWork();
        Recovery recovery = new Recovery(temp.resolve("recovery"), work);
        recovery.save(Templates.build("mlp-plain-2"), null, m -> { });
        assertThat(recovery.graphFile()).as("written at once, on the caller's thread").exists();
        recovery.discard();
        assertThat(recovery.graphFile()).doesNotExist();
        recovery.close();
        recovery.save(Templates.build("mlp-plain-2"), null, m -> { }).get(10, TimeUnit.SECONDS);
        assertThat(recovery.graphFile()).as("nothing written after close").doesNotExist();
        assertThat(work.names()).containsExactly("autosave", "autosave");
    }
}
