// Fills the birth date and sex from the IIN as the HR officer types it (the server checks them again on save).
// Digits 1-6: YYMMDD; digit 7: century and sex (1/2: 1800s, 3/4: 1900s, 5/6: 2000s; odd male, even female).
(function () {
  "use strict";
  function fill(input) {
    var form = input.form;
    var digits = input.value.replace(/\D/g, "");
    if (!form || digits.length < 7) return;
    var centuryDigit = Number(digits[6]);
    if (centuryDigit < 1 || centuryDigit > 6) return;
    var century = [1800, 1900, 2000][Math.floor((centuryDigit - 1) / 2)];
    var year = century + Number(digits.slice(0, 2));
    var month = Number(digits.slice(2, 4));
    var day = Number(digits.slice(4, 6));
    var date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return;
    var birth = form.elements.namedItem("birth_date");
    var sex = form.elements.namedItem("sex");
    if (birth) {
      birth.value = digits.slice(4, 6) + "." + digits.slice(2, 4) + "." + year;
    }
    if (sex) {
      sex.value = centuryDigit % 2 === 1 ? "M" : "F";
    }
  }
  document.querySelectorAll("input[data-iin]").forEach(function (input) {
    input.addEventListener("input", function () { fill(input); });
  });
})();
