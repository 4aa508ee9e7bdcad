/* Forms in the page's language, whatever the browser's:
   - dates are typed as dd.mm.yyyy (inputs marked data-date; config/widgets.py): the dots are added as one types;
   - the browser's own "fill in this field" bubbles (in the browser's language) are replaced by our messages,
     shown under the field the way the server shows its errors (the server checks everything again);
   - tables wider than the screen scroll inside their own box, not the page;
   - on small screens the filters of a list fold behind a button. */
(function () {
  "use strict";
  const body = document.body;
  const DATE = /^\d{2}\.\d{2}\.\d{4}$/;
  const ISO = /^\d{4}-\d{2}-\d{2}$/; /* also accepted by the server: pasted or filled by a program */

  function maskDate(input) {
    if (ISO.test(input.value)) return;
    const digits = input.value.replace(/\D/g, "").slice(0, 8);
    let text = digits.slice(0, 2);
    if (digits.length > 2) text += "." + digits.slice(2, 4);
    if (digits.length > 4) text += "." + digits.slice(4);
    input.value = text;
  }

  document.addEventListener("input", function (event) {
    const input = event.target;
    if (input.matches && input.matches("input[data-date]") && event.inputType !== "deleteContentBackward") {
      maskDate(input);
    }
    if (input.classList && input.classList.contains("is-invalid") && input.dataset.clientError) clearError(input);
  });

  function feedbackFor(input) {
    const id = (input.id || input.name) + "-client-error";
    let box = document.getElementById(id);
    if (!box) {
      box = document.createElement("div");
      box.id = id;
      box.className = "invalid-feedback d-block";
      const anchor = input.closest(".input-group") || input;
      anchor.insertAdjacentElement("afterend", box);
    }
    return box;
  }

  function showError(input, message) {
    input.classList.add("is-invalid");
    input.setAttribute("aria-invalid", "true");
    input.dataset.clientError = "1";
    const box = feedbackFor(input);
    box.textContent = message;
    const described = (input.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
    if (!described.includes(box.id)) input.setAttribute("aria-describedby", described.concat(box.id).join(" "));
  }

  function clearError(input) {
    input.classList.remove("is-invalid");
    input.removeAttribute("aria-invalid");
    delete input.dataset.clientError;
    const box = document.getElementById((input.id || input.name) + "-client-error");
    if (box) box.remove();
  }

  function isEmpty(control) {
    if (control.type === "checkbox") return !control.checked;
    if (control.type === "radio") {
      return !control.form.querySelector('input[type=radio][name="' + control.name + '"]:checked');
    }
    if (control.type === "file") return control.files.length === 0;
    return control.value.trim() === "";
  }

  function check(form) {
    let first = null;
    form.querySelectorAll("input, select, textarea").forEach(function (control) {
      if (control.disabled || control.type === "hidden") return;
      if (control.dataset.clientError) clearError(control);
      let message = "";
      if (control.required && isEmpty(control)) message = body.dataset.msgRequired;
      else if (control.matches("[data-date]") && control.value.trim() && !DATE.test(control.value.trim()) && !ISO.test(control.value.trim())) {
        message = body.dataset.msgDate;
      }
      if (message) {
        showError(control, message);
        first = first || control;
      }
    });
    if (first) first.focus();
    return first === null;
  }

  document.querySelectorAll("form").forEach(function (form) {
    form.noValidate = true;
  });
  document.addEventListener("submit", function (event) {
    const form = event.target;
    if (!check(form)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  /* Filters of a list fold behind a button on small screens (they would fill the first screen). */
  document.querySelectorAll("form[data-testid=filters]").forEach(function (form, index) {
    form.id = form.id || "filters-" + index;
    form.classList.add("collapse", "d-md-flex");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn-outline-primary btn-sm mb-2 d-md-none";
    /* The filters applied (in the address) are counted on the button, so a folded form still says so. */
    const applied = Array.from(new URLSearchParams(window.location.search).entries())
      .filter(function (pair) { return pair[1] && form.elements.namedItem(pair[0]); }).length;
    button.textContent = body.dataset.msgFilters + (applied ? " (" + applied + ")" : "");
    button.setAttribute("data-bs-toggle", "collapse");
    button.setAttribute("data-bs-target", "#" + form.id);
    button.setAttribute("aria-controls", form.id);
    button.setAttribute("aria-expanded", "false");
    form.parentNode.insertBefore(button, form);
  });

  const boxes = [];
  document.querySelectorAll("main table").forEach(function (table) {
    let box = table.closest(".table-responsive");
    if (!box) {
      box = document.createElement("div");
      box.className = "table-responsive";
      table.parentNode.insertBefore(box, table);
      box.appendChild(table);
    }
    boxes.push(box);
  });
  /* A box that scrolls can be reached and scrolled with the keyboard. */
  function focusable() {
    boxes.forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
      else box.removeAttribute("tabindex");
    });
  }
  focusable();
  window.addEventListener("resize", focusable);
})();
