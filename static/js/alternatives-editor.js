/* The structured editor of a requirement's values (positions/widgets.py): adds and removes alternatives and
   education conditions, numbers the alternatives, and shows only the controls of the chosen kind of experience.
   The server reads every control again and checks the values against the one schema; without this script the
   editor still edits what it shows. */
(function () {
  "use strict";

  function freshKey(container, selector) {
    const used = new Set(Array.from(container.querySelectorAll(selector)).map(function (el) { return el.value; }));
    let number = used.size;
    while (used.has("n" + number)) number += 1;
    return "n" + number;
  }

  function fromTemplate(template, replacements) {
    let html = template.innerHTML;
    Object.keys(replacements).forEach(function (placeholder) {
      html = html.split(placeholder).join(replacements[placeholder]);
    });
    const holder = document.createElement("template");
    holder.innerHTML = html.trim();
    return holder.content.firstElementChild;
  }

  function alternativesOf(editor) {
    return Array.from(editor.querySelector("[data-alternatives]").children);
  }

  function conditionsOf(alternative) {
    return Array.from(alternative.querySelector("[data-conditions]").children);
  }

  function refresh(editor) {
    const alternatives = alternativesOf(editor);
    alternatives.forEach(function (alternative, index) {
      const number = alternative.querySelector("[data-alternative-number]");
      if (number) number.textContent = String(index + 1);
      const remove = alternative.querySelector("[data-remove-alternative]");
      if (remove) remove.disabled = alternatives.length < 2;
      const conditions = conditionsOf(alternative);
      conditions.forEach(function (condition) {
        const removeCondition = condition.querySelector("[data-remove-condition]");
        if (removeCondition) removeCondition.disabled = conditions.length < 2;
      });
      const addCondition = alternative.querySelector("[data-add-condition]");
      if (addCondition) addCondition.disabled = conditions.length >= Number(editor.dataset.conditionsLimit);
      showKind(alternative);
    });
    const add = editor.querySelector("[data-add-alternative]");
    if (add) add.disabled = alternatives.length >= Number(editor.dataset.limit);
  }

  function showKind(alternative) {
    const select = alternative.querySelector("[data-kind]");
    const kind = select ? select.value : "";
    alternative.querySelectorAll("[data-for-kinds]").forEach(function (part) {
      part.hidden = !part.dataset.forKinds.split(" ").includes(kind);
    });
  }

  function firstControl(element) {
    return element.querySelector("input:not([type=hidden]), select, textarea");
  }

  document.addEventListener("click", function (event) {
    const button = event.target.closest("button");
    if (!button) return;
    const editor = button.closest("[data-alternatives-editor]");
    if (!editor) return;
    const name = editor.dataset.name;
    if (button.matches("[data-add-alternative]")) {
      const list = editor.querySelector("[data-alternatives]");
      const key = freshKey(list, "input[type=hidden][name='" + name + "']");
      const alternative = fromTemplate(editor.querySelector("template[data-alternative-template]"), {
        __alt__: key,
        __cond__: "0",
      });
      list.appendChild(alternative);
      refresh(editor);
      firstControl(alternative).focus();
    } else if (button.matches("[data-remove-alternative]")) {
      button.closest("[data-alternative]").remove();
      refresh(editor);
      editor.querySelector("[data-add-alternative]").focus();
    } else if (button.matches("[data-add-condition]")) {
      const alternative = button.closest("[data-alternative]");
      const conditions = alternative.querySelector("[data-conditions]");
      const key = freshKey(conditions, "input[type=hidden][name$='-condition']");
      const condition = fromTemplate(alternative.querySelector("template[data-condition-template]"), {
        __cond__: key,
      });
      conditions.appendChild(condition);
      refresh(editor);
      firstControl(condition).focus();
    } else if (button.matches("[data-remove-condition]")) {
      const alternative = button.closest("[data-alternative]");
      button.closest("[data-condition]").remove();
      refresh(editor);
      alternative.querySelector("[data-add-condition]").focus();
    }
  });

  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-kind]")) {
      showKind(event.target.closest("[data-alternative]"));
    }
  });

  function setCodes(container, name, codes) {
    const list = Array.isArray(codes) ? codes : [];
    container.querySelectorAll("input[type=checkbox][name='" + name + "']").forEach(function (box) {
      box.checked = list.includes(box.value);
    });
    const order = container.querySelector("input[type=hidden][name='" + name + "-order']");
    if (order) order.value = list.join(" ");
  }

  function setValue(container, name, value) {
    const control = container.querySelector("[name='" + name + "']");
    if (!control) return;
    if (control.type === "checkbox") control.checked = Boolean(value);
    else control.value = value;
  }

  /* Shows `values` (a requirement's alternatives, the stored JSON) in the editor's controls, replacing what it
     showed: a page that offers several requirements starts from the chosen one's values. */
  function load(editor, values) {
    const name = editor.dataset.name;
    const list = editor.querySelector("[data-alternatives]");
    const template = editor.querySelector("template[data-alternative-template]");
    list.replaceChildren();
    (Array.isArray(values) ? values : []).forEach(function (value, index) {
      const key = "n" + index;
      const prefix = name + "-" + key;
      const alternative = fromTemplate(template, { __alt__: key, __cond__: "0" });
      list.appendChild(alternative);
      const conditions = alternative.querySelector("[data-conditions]");
      const conditionTemplate = alternative.querySelector("template[data-condition-template]");
      conditions.replaceChildren();
      (value.education || []).forEach(function (condition, number) {
        const element = fromTemplate(conditionTemplate, { __cond__: String(number) });
        conditions.appendChild(element);
        setCodes(element, prefix + "-" + number + "-levels", condition.levels);
        setCodes(element, prefix + "-" + number + "-fields", condition.fields);
      });
      const experience = value.experience || {};
      setValue(alternative, prefix + "-kind", experience.kind || "");
      setValue(alternative, prefix + "-years", experience.years === undefined ? "" : String(experience.years));
      setCodes(alternative, prefix + "-sectors", experience.sectors);
      /* as the server shows them (positions/widgets.py): a managerial experience without "in_profile" reads false */
      setValue(alternative, prefix + "-in_profile", experience.kind === "managerial" ? experience.in_profile === true : true);
      setValue(alternative, prefix + "-category", experience.category || "");
      setCodes(alternative, prefix + "-positions", experience.positions);
      setValue(alternative, prefix + "-same_level", experience.same_level !== false);
      setValue(alternative, prefix + "-source", typeof value.source === "string" ? value.source : "");
    });
    refresh(editor);
  }

  window.alternativesEditor = { load: load };

  function start() {
    document.querySelectorAll("[data-alternatives-editor]").forEach(refresh);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
