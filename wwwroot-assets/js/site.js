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

// Folded on a phone, open on a wide screen: the main menu and a consultation's description are <details> elements
// that CSS shows open on a wide screen (::details-content); where a browser does not know that, open them here.
// Escape closes the menu on a phone and hands focus back to its toggle.
(function () {
    "use strict";
    var folds = document.querySelectorAll("details[data-open-wide]");
    if (folds.length === 0 || !window.matchMedia) {
        return;
    }
    var wide = window.matchMedia("(min-width: 48rem)");
    var supported = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
    function fit() {
        if (!supported) {
            Array.prototype.forEach.call(folds, function (fold) { fold.open = wide.matches; });
        }
    }
    fit();
    if (wide.addEventListener) {
        wide.addEventListener("change", fit);
    }
    var menu = document.querySelector("[data-site-menu]");
    if (menu) {
        menu.addEventListener("keydown", function (event) {
            if (event.key === "Escape" && menu.open && !wide.matches) {
                menu.open = false;
                menu.querySelector("summary").focus();
            }
        });
    }
})();
