/* The cited timeline's progressive enhancements. Every page works without this file: the tag chips are
   links to the tag pages, citations are plain links. With it:
   - the tag chips above a page's events become buttons that show only that tag's events;
   - the element a link points at (#…) gets the keyboard focus on arrival, so a screen reader and the
     next Tab start there (a quote highlighted on a source page, a citation on an event's card);
   - before following a citation to its source, the page's address takes the citation's #id, so the
     browser's Back comes back to that citation (and focus with it);
   - the colour-scheme toggle is one button named for what it does (Material's two radio buttons take
     the focus under the wrong name, and Space on the checked one does nothing);
   - a code block wider than the screen takes the focus, so that it can be scrolled from the keyboard. */
(() => {
  "use strict";

  function focusTarget() {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = id && document.getElementById(id);
    if (!target) return;
    // A citation folded away on a long card: Chromium opens the fold on arrival itself, not every browser.
    const folded = target.closest("details:not([open])");
    if (folded) {
      folded.open = true;
      target.scrollIntoView();
    }
    if (!target.matches("a[href], button, input, select, textarea, [tabindex]")) {
      target.setAttribute("tabindex", "-1");
    }
    target.focus({ preventScroll: true });
  }

  function rememberCitation(event) {
    const link = event.target.closest(".tl-citations .tl-src a");
    const item = link && link.closest("li[id]");
    if (item && location.hash !== "#" + item.id) {
      history.replaceState(history.state, "", "#" + item.id);
    }
  }

  function enhanceFilter(bar) {
    const cards = [...document.querySelectorAll(".tl-event[data-tags]")];
    const lines = [...document.querySelectorAll(".tl-contents > li")];
    const status = document.createElement("span");
    status.className = "tl-filter-status";
    status.setAttribute("role", "status");
    const label = bar.querySelector(".tl-filter-label");
    if (label) label.textContent = "Show only:";
    const buttons = [...bar.querySelectorAll("a[data-tag]")].map((link) => {
      const button = document.createElement("button");
      button.type = "button";
      button.className = link.className;
      button.dataset.tag = link.dataset.tag;
      button.setAttribute("aria-pressed", "false");
      button.innerHTML = link.innerHTML;
      link.replaceWith(button);
      return button;
    });
    function show(tag) {
      let shown = 0;
      cards.forEach((card) => {
        const visible = !tag || card.dataset.tags.split(" ").includes(tag);
        card.hidden = !visible;
        const heading = card.previousElementSibling;
        if (heading && heading.classList.contains("tl-title")) heading.hidden = !visible;
        const id = card.previousElementSibling?.id;
        const line = lines.find((li) => li.querySelector(`a[href$="#${id}"]`));
        if (line) line.hidden = !visible;
        // the table of contents lists only the events shown
        const entry = id && document.querySelector(`.md-sidebar--secondary a.md-nav__link[href="#${id}"]`);
        if (entry) entry.closest("li").hidden = !visible;
        if (visible) shown += 1;
      });
      buttons.forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.tag === tag)));
      const name = tag && buttons.find((b) => b.dataset.tag === tag).firstChild.textContent.trim();
      status.textContent = tag ? `Showing ${shown} of ${cards.length} events: ${name}.` : "";
    }
    buttons.forEach((button) =>
      button.addEventListener("click", () => {
        const on = button.getAttribute("aria-pressed") === "true";
        show(on ? "" : button.dataset.tag);
      }),
    );
    bar.append(" ", status);
  }

  function enhancePalette(form) {
    const labels = [...form.querySelectorAll("label[for]")];
    if (labels.length < 2) return;
    const button = document.createElement("button");
    button.type = "button";
    button.className = "md-header__button md-icon tl-scheme";
    form.querySelectorAll("input").forEach((input) => {
      input.tabIndex = -1;
      input.setAttribute("aria-hidden", "true");
    });
    const shown = () => labels.find((label) => !label.hidden) || labels[0];
    function sync() {
      const label = shown();
      button.title = label.title;
      button.setAttribute("aria-label", label.title);
      button.innerHTML = label.innerHTML;
    }
    button.addEventListener("click", () => {
      const input = document.getElementById(shown().htmlFor);
      if (input) input.click();
    });
    new MutationObserver(sync).observe(form, { subtree: true, attributes: true, attributeFilter: ["hidden"] });
    form.classList.add("tl-scheme-form");
    form.append(button);
    sync();
  }

  function focusableCode() {
    document.querySelectorAll(".md-typeset pre > code").forEach((code) => {
      if (code.scrollWidth > code.clientWidth + 1) code.tabIndex = 0;
      else if (!code.closest(".highlight")) code.removeAttribute("tabindex");
    });
  }

  function start() {
    document.querySelectorAll("form[data-md-component=palette]").forEach(enhancePalette);
    focusableCode();
    window.addEventListener("resize", focusableCode);
    document.querySelectorAll("[data-tl-filter]").forEach(enhanceFilter);
    document.addEventListener("click", rememberCitation);
    window.addEventListener("hashchange", focusTarget);
    focusTarget();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
  window.addEventListener("pageshow", (event) => event.persisted && focusTarget());
})();
