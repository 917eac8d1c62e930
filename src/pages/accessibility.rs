//! The accessibility statement, in the form UK public bodies publish under the Public Sector
//! Bodies (Websites and Mobile Applications) Accessibility Regulations 2018.

use leptos::prelude::*;
use outcomes_state::View;

use crate::state::{href, view_state, UrlState};

/// The date the statement was last reviewed against the site.
const LAST_REVIEWED: &str = "23 November 2026";

/// The accessibility statement page.
#[component]
pub fn AccessibilityPage() -> impl IntoView {
    let url = UrlState::get();
    let about = move || href(&view_state(&url.state(), View::About));
    view! {
        <h1>"Accessibility statement"</h1>
        <p class="lede">
            "This statement applies to the Tower Hamlets outcomes explorer, published for Tower "
            "Hamlets Together. We want as many people as possible to be able to use it: to change "
            "colours, contrast and fonts, zoom in up to 400% without text spilling off the screen, "
            "move through it with a keyboard alone, and use it with a screen reader."
        </p>

        <section aria-labelledby="a11y-how">
            <h2 id="a11y-how">"How accessible this website is"</h2>
            <p>
                "Every chart has a written summary, which is also its name for screen readers, and "
                "the same numbers in a table. Comparisons are given in words and symbols as well as "
                "colour. Every choice is an ordinary link or button, tooltips close with Escape, and "
                "animation is off."
            </p>
            <p>"We know some parts are not fully accessible yet:"</p>
            <ul data-testid="known-issues">
                <li>"The interface is in English only. A Bengali version is being prepared."</li>
                <li>
                    "The charts themselves are pictures: a screen reader reads each chart's summary, "
                    "and the full figures are in the table beneath it rather than in the chart."
                </li>
                <li>
                    "On the ward map, a ward's value is shown by shading with a key in words; the "
                    "table under the map gives every ward's value and band."
                </li>
                <li>
                    "Some indicator descriptions use statistical terms, such as “confidence interval”, "
                    "which the About the data page explains."
                </li>
            </ul>
        </section>

        <section aria-labelledby="a11y-feedback">
            <h2 id="a11y-feedback">"Feedback and contact information"</h2>
            <p>
                "If you need information on this website in a different format, or find a problem "
                "not listed here, contact Tower Hamlets Together through "
                <a href="https://www.towerhamlets.gov.uk">"Tower Hamlets Council"</a>
                ". Every figure on this site is also available to download as a CSV file."
            </p>
        </section>

        <section aria-labelledby="a11y-enforcement">
            <h2 id="a11y-enforcement">"Enforcement procedure"</h2>
            <p>
                "The Equality and Human Rights Commission (EHRC) is responsible for enforcing the "
                "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility "
                "Regulations 2018. If you are not happy with how we respond to your complaint, "
                "contact the Equality Advisory and Support Service (EASS)."
            </p>
        </section>

        <section aria-labelledby="a11y-status">
            <h2 id="a11y-status">"Compliance status"</h2>
            <p data-testid="compliance-status">
                "This website is partially compliant with the Web Content Accessibility Guidelines "
                "version 2.2 AA standard, because of the non-compliances listed above."
            </p>
        </section>

        <section aria-labelledby="a11y-testing">
            <h2 id="a11y-testing">"How we tested this website"</h2>
            <p>
                "Every change is tested automatically in Chromium: axe-core checks every view against "
                "the WCAG 2.0, 2.1 and 2.2 A and AA rules at a desktop width (1280 pixels) and a phone "
                "width (375 pixels), with dialogs open too; a keyboard-only journey checks the order, "
                "visibility of focus and dialogs; and every view is checked for sideways scrolling at "
                "phone width. See "
                <a href=about>"About the data"</a>
                " for how the figures are made."
            </p>
            <p>
                "This statement was prepared on " {LAST_REVIEWED} " and last reviewed on "
                <span data-testid="last-reviewed">{LAST_REVIEWED}</span> "."
            </p>
        </section>
    }
}
