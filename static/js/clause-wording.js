/* Amending a clause in the admin: the new wording starts from the clause's latest wording (kept on each option of
   the clause picker), so the editor changes words instead of retyping the абзац. A wording the editor has already
   changed is never replaced. */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    const picker = document.getElementById("id_clause");
    const text = document.getElementById("id_text");
    if (!picker || !text || picker.tagName !== "SELECT") return;
    let offered = text.value;
    function wording() {
      const option = picker.options[picker.selectedIndex];
      return (option && option.dataset.wording) || "";
    }
    picker.addEventListener("change", function () {
      if (text.value === offered) {
        offered = wording();
        text.value = offered;
      }
    });
    if (!text.value) {
      offered = wording();
      text.value = offered;
    }
  });
})();
