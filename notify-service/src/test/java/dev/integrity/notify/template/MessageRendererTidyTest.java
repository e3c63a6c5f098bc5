package dev.integrity.notify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessageRendererTidyTest {

    @Test
    void trimsAndKeepsOneBlankLineBetweenParagraphs() {
        assertEquals("One.\n\nTwo.\nThree.", MessageRenderer.tidy("\n  One.  \n\n\n\nTwo.\nThree.\n\n"));
    }
}
