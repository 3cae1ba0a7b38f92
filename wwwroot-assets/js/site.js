// Progressive enhancement only: every page works without this file.
(function () {
    "use strict";
    // Move focus to the error summary so screen-reader and keyboard users hear what went wrong (WCAG 3.3.1).
    var summary = document.querySelector("[data-error-summary]");
    if (summary) {
        summary.focus();
        // A plain #id link scrolls the input itself to the top edge and hides its label and help text above it;
        // bring the whole field into view instead, then put the keyboard in the input.
        summary.addEventListener("click", function (event) {
            var link = event.target.closest("a[href^='#']");
            var input = link && document.getElementById(link.getAttribute("href").slice(1));
            if (!input) {
                return;
            }
            event.preventDefault();
            (input.closest(".bylab-field") || input).scrollIntoView();
            input.focus({ preventScroll: true });
        });
    }
})();
