package dev.integrity.model.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DataSplitTest {

    private static final boolean[] FAKE = new boolean[100];

    static {
        for (int i = 0; i < 30; i++) {
            FAKE[i * 3] = true;
        }
    }

    @Test
    void keepsTheShareOfFakesInEveryPartAndUsesEveryRowOnce() {
        DataSplit split = DataSplit.stratified(FAKE, 1, 0.2, 0.2);

        assertEquals(18, fakes(split.train()));
        assertEquals(6, fakes(split.validation()));
        assertEquals(6, fakes(split.test()));
        int[] all = IntStream.concat(IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation())),
                Arrays.stream(split.test())).sorted().toArray();
        assertArrayEquals(IntStream.range(0, 100).toArray(), all);
    }

    @Test
    void isDeterministicForASeed() {
        assertArrayEquals(DataSplit.stratified(FAKE, 5, 0.2, 0.2).test(), DataSplit.stratified(FAKE, 5, 0.2, 0.2).test());
    }

    @Test
    void refusesTooFewRowsOfAClass() {
        boolean[] fake = {true, true, false, false, false, false, false, false, false, false};

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DataSplit.stratified(fake, 1, 0.2, 0.2));
        assertEquals("too few fake rows (2) to put at least one in each of train, validation and test", e.getMessage());
    }

    private static long fakes(int[] rows) {
        return Arrays.stream(rows).filter(i -> FAKE[i]).count();
    }
}
