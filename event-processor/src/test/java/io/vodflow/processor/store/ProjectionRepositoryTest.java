package io.vodflow.processor.store;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionRepositoryTest {

    @Test
    void placeholdersOfEachPartAreRenumberedPastThePreviousParts() {
        assertThat(ProjectionRepository.shift("unnest($1::text[], $2::int4[], $10::text[])", 21))
                .isEqualTo("unnest($22::text[], $23::int4[], $31::text[])");
        assertThat(ProjectionRepository.shift("no params", 5)).isEqualTo("no params");
    }
}
