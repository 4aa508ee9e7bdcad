/* Adding a requirement in the admin records an amendment of a post: when a post is chosen whose latest version
   is known, the structured editor (static/js/alternatives-editor.js) starts from that version's values and the
   item is set, unless the editor has already been changed by hand; a button loads them on request. */
(function () {
  "use strict";

  function start() {
    const data = document.getElementById("latest-requirement-values");
    const editor = document.querySelector("[data-alternatives-editor]");
    const button = document.querySelector("[data-start-from-latest]");
    if (!data || !editor || !button || !window.alternativesEditor) return;
    const latest = JSON.parse(data.textContent);
    const choices = ["id_position", "id_qualification_level", "id_category"].map(function (id) {
      return document.getElementById(id);
    });
    const item = document.getElementById("id_item");
    let changedByHand = false;

    function chosen() {
      return latest[choices.map(function (select) { return select ? select.value : ""; }).join("|")];
    }

    function apply(version) {
      window.alternativesEditor.load(editor, version.alternatives);
      if (item) item.value = String(version.item);
      changedByHand = false;
    }

    function update(onChoice) {
      const version = chosen();
      button.hidden = !version;
      if (version && onChoice && !changedByHand) apply(version);
    }

    editor.parentNode.insertBefore(button, editor);
    ["input", "change"].forEach(function (type) {
      editor.addEventListener(type, function () { changedByHand = true; });
    });
    editor.addEventListener("click", function (event) {
      if (event.target.closest("button")) changedByHand = true;
    });
    button.addEventListener("click", function () {
      const version = chosen();
      if (version) apply(version);
    });
    choices.forEach(function (select) {
      if (select) select.addEventListener("change", function () { update(true); });
    });
    update(false);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
