// Wagtail's rich text editor (Draftail) copies its text into the form's hidden input only 250 ms
// after the last keystroke. A form sent within that moment (Ctrl+S right after typing, or a quick
// click on "Veröffentlichen") sent the text as it was before: the last words, or a whole short
// text, were lost, and a page could go live without them. So every rich text editor of the form
// writes its text into its input now, before the browser collects the form's fields (the submit
// event comes first). Autosave reads the inputs after Draftail has written them, as before.
//
// The text is serialised the way Wagtail's own delayed save does it (Draftail's
// serialiseEditorStateToRaw), without the marks of inline comments, which are not rich text.
(function () {
  const COMMENT_STYLE = 'COMMENT-';

  function currentText(editor) {
    const raw = window.Draftail.serialiseEditorStateToRaw(editor.getEditorState());
    if (raw) {
      for (const block of raw.blocks) {
        block.inlineStyleRanges = block.inlineStyleRanges.filter((range) => !range.style.startsWith(COMMENT_STYLE));
      }
    }
    return raw;
  }

  document.addEventListener(
    'submit',
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !window.Draftail) return;
      for (const input of form.querySelectorAll('input[data-draftail-input]')) {
        const editor = input.draftailEditor;
        if (!editor || typeof editor.getEditorState !== 'function') continue;
        const raw = currentText(editor);
        input.rawContentState = raw;
        input.value = JSON.stringify(raw);
      }
    },
    true,
  );
})();
