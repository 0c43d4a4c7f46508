/* zerodraft site: filters and search on the text pages (editor's copy, drafts).
 * Progressive enhancement: the page reads fine without this file; the filter form stays
 * hidden until this script shows it.  No framework, no network, no inline script. */
(function () {
  "use strict";

  var form = document.getElementById("filters");
  if (!form) {
    return;
  }
  var status = document.getElementById("f-status");
  var fields = {
    item: document.getElementById("f-item"),
    label: document.getElementById("f-label"),
    delegation: document.getElementById("f-delegation"),
    q: document.getElementById("f-search")
  };

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  // Read every paragraph once; filtering then only compares strings and sets `hidden`.
  var nodes = document.querySelectorAll("[data-para]");
  var paragraphs = [];
  for (var i = 0; i < nodes.length; i += 1) {
    var node = nodes[i];
    paragraphs.push({
      node: node,
      item: node.getAttribute("data-item"),
      label: node.getAttribute("data-label"),
      delegations: "|" + node.getAttribute("data-delegations") + "|",
      text: fold(node.textContent)
    });
  }

  function apply() {
    var item = fields.item.value;
    var label = fields.label.value;
    var delegation = fields.delegation.value ? "|" + fields.delegation.value + "|" : "";
    var words = fold(fields.q.value).split(/\s+/).filter(Boolean);
    var shown = 0;
    for (var i = 0; i < paragraphs.length; i += 1) {
      var p = paragraphs[i];
      var ok = (!item || p.item === item) && (!label || p.label === label) &&
        (!delegation || p.delegations.indexOf(delegation) !== -1);
      for (var w = 0; ok && w < words.length; w += 1) {
        ok = p.text.indexOf(words[w]) !== -1;
      }
      if (p.node.hidden === ok) {
        p.node.hidden = !ok;
      }
      if (ok) {
        shown += 1;
      }
    }
    status.textContent = shown === paragraphs.length
      ? said("data-all", "Showing all {shown} paragraphs.", shown)
      : said("data-some", "Showing {shown} of {total} paragraphs.", shown);
    return shown;
  }

  // The status in the page's language: a language's page gives its words in data-all and data-some.
  function said(attribute, english, shown) {
    var template = status.getAttribute(attribute) || english;
    return template.replace("{shown}", String(shown)).replace("{total}", String(paragraphs.length));
  }

  // A pasted link (#para-18) to a paragraph the filters hide: show everything again.
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id ? document.getElementById(id) : null;
    if (target && target.hidden) {
      form.reset();
      apply();
      target.scrollIntoView();
    }
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(apply, 0); });
  window.addEventListener("hashchange", reveal);
  form.hidden = false;
  apply();
  window.zerodraftFilter = apply;
}());
