package dev.envclone.ui.common;

import javafx.scene.Node;

/** A page of the wizard: a view bound to its view model, shown in the main window's middle. */
public interface WizardPage {
    Node view();

    /** Called each time the page is shown (e.g. to refresh what the journal says). */
    default void shown() {
    }

    /**
     * Next was pressed on this page: true to move on. The plan page uses it to check the plan and start the run;
     * a page that needs nothing returns true.
     */
    default boolean next() {
        return true;
    }

    /** False while Next cannot move on from this page (the plan page while a field is invalid). */
    default javafx.beans.value.ObservableBooleanValue nextAllowed() {
        return javafx.beans.binding.Bindings.createBooleanBinding(() -> true);
    }

    /**
     * Why Next is held back or was refused, in the operator's words (the plan page: which field and what is wrong
     * with it), shown beside Next; empty while Next may move on. A disabled button alone says nothing.
     */
    default javafx.beans.value.ObservableStringValue nextRefusedReason() {
        return new javafx.beans.property.SimpleStringProperty("");
    }
}
