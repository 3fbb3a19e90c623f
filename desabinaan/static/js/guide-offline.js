/* The passport guide without a connection (issue 15).
 *
 * The page keeps the rules document (/paspor/aturan.json: every guide rule with its effective period and the rule
 * generation) in localStorage each time it is opened online. When the form is sent without a connection, the same
 * computation as lib/passport/public_guide.py runs here on the kept rules and the result is shown under the form.
 * tests/browser/test_guide_offline.py checks that this file and the server agree on every case of the guide's test
 * table. No library, no CDN.
 */
(function () {
  "use strict";

  var KEY = "desabinaan.passport.rules";
  var LOST_OR_DAMAGED = ["lost", "damaged", "lost_expired", "damaged_expired"];
  var SURCHARGE_BY_CASE = { lost: "surcharge_lost", damaged: "surcharge_damaged" };
  var PASSPORT = "passport", EPASSPORT = "epassport", MIGRANT = "migrant_worker_first";

  function inForce(row, on) {
    return row.effective_from <= on && (row.effective_to === null || row.effective_to >= on);
  }

  function ageOn(birth, on) {
    // ISO dates "YYYY-MM-DD": whole years completed on `on`.
    var age = Number(on.slice(0, 4)) - Number(birth.slice(0, 4));
    return on.slice(5) < birth.slice(5) ? age - 1 : age;
  }

  function format(template, params) {
    return template.replace(/%\((\w+)\)[sd]/g, function (_, name) {
      return params[name] === undefined ? "" : String(params[name]);
    });
  }

  function productsOn(doc, on, office) {
    if (!office) return null;
    var rows = doc.products.filter(function (p) {
      return inForce(p, on) && (p.office === office.name || p.office === "");
    });
    rows.sort(function (a, b) {
      return a.order - b.order || (a.effective_from < b.effective_from ? 1 : a.effective_from > b.effective_from ? -1 : b.id - a.id);
    });
    var own = rows.filter(function (p) { return p.office; });
    var chosen = [], seen = {};
    (own.length ? own : rows.filter(function (p) { return !p.office; })).forEach(function (p) {
      if (!seen[p.code]) { seen[p.code] = true; chosen.push({ code: p.code, label: doc.product_labels[p.code], citation: p.citation }); }
    });
    return chosen.length ? chosen : null;
  }

  function latest(rows, on) {
    // Rows come ordered by -effective_from, -id: the first in force wins.
    for (var i = 0; i < rows.length; i++) if (inForce(rows[i], on)) return rows[i];
    return null;
  }

  function documentsOn(doc, on) {
    var seen = {}, found = [];
    doc.documents.forEach(function (r) {
      if (inForce(r, on) && !seen[r.scope]) { seen[r.scope] = true; found.push(r); }
    });
    return found;
  }

  function regencyOf(code) {
    // regions.selectors.normalize_code: "1708042002" and "17.08.04.2002" both name regency "17.08".
    code = String(code).trim();
    if (/^\d{10}$/.test(code)) code = code.slice(0, 2) + "." + code.slice(2, 4);
    return /^\d{2}\.\d{2}/.test(code) ? code.slice(0, 5) : "";
  }

  function productOf(a) {
    if (a.migrant_worker_first) return MIGRANT;
    return a.electronic ? EPASSPORT : PASSPORT;
  }

  function migrantFreeApplies(a) {
    return a.purpose === "work" && a.case === "new" && !a.same_day;
  }

  function fitProduct(a, offered) {
    var warnings = [];
    if (!offered || !offered.length) return [a, warnings];
    var asked = productOf(a);
    if (asked === MIGRANT && offered.indexOf(MIGRANT) < 0) {
      a = Object.assign({}, a, { migrant_worker_first: false });
      warnings.push({ code: "product_not_offered", params: { asked: asked } });
    }
    var product = productOf(a);
    if (offered.indexOf(product) < 0 && product !== MIGRANT) {
      if (offered.indexOf(EPASSPORT) >= 0) {
        a = Object.assign({}, a, { electronic: true });
        warnings.push({ code: "e_passport_only", params: { asked: product } });
      } else if (offered.indexOf(PASSPORT) >= 0) {
        a = Object.assign({}, a, { electronic: false });
        warnings.push({ code: "product_not_offered", params: { asked: product } });
      }
    }
    return [a, warnings];
  }

  function item(schedule, code) {
    for (var i = 0; i < schedule.items.length; i++) if (schedule.items[i].code === code) return schedule.items[i];
    throw { field: "on", code: "fee_item_missing" };
  }

  function feeLine(it, schedule) {
    return { code: it.code, label: it.label, amount_idr: it.amount_idr, citation: it.citation || schedule.citation };
  }

  function fee(a, schedule, years) {
    var warning = null, base = (a.electronic ? "epassport" : "passport") + "_" + years;
    var has = schedule.items.some(function (i) { return i.code === MIGRANT; });
    if (a.migrant_worker_first && migrantFreeApplies(a)) {
      if (has) base = MIGRANT;
      else warning = { code: "migrant_free_not_applicable", params: { reason: "schedule", schedule: schedule.name } };
    } else if (a.migrant_worker_first) {
      warning = { code: "migrant_free_not_applicable", params: { reason: "answers" } };
    }
    var lines = [feeLine(item(schedule, base), schedule)];
    var surcharge = SURCHARGE_BY_CASE[a.case];
    if (surcharge) lines.push(feeLine(item(schedule, a.force_majeure ? "surcharge_force_majeure" : surcharge), schedule));
    if (a.same_day) lines.push(feeLine(item(schedule, "same_day"), schedule));
    return [lines, warning];
  }

  function applies(r, a, applicant, product) {
    return (!r.cases.length || r.cases.indexOf(a.case) >= 0) &&
      (r.applicant === "any" || r.applicant === applicant) &&
      (!r.purposes.length || r.purposes.indexOf(a.purpose) >= 0) &&
      (r.force_majeure === "any" || (r.force_majeure === "yes") === a.force_majeure) &&
      (!r.products.length || r.products.indexOf(product) >= 0);
  }

  function documents(a, applicant, rows, product) {
    var matching = rows.filter(function (r) { return applies(r, a, applicant, product); });
    matching.sort(function (x, y) {
      return x.order - y.order || (x.document_code < y.document_code ? -1 : x.document_code > y.document_code ? 1 : 0);
    });
    var needed = {}, needOrder = [], notNeeded = {}, notOrder = [];
    matching.forEach(function (r) {
      if (r.level === "not_required") {
        if (!notNeeded[r.document_code]) { notNeeded[r.document_code] = r; notOrder.push(r.document_code); }
        return;
      }
      var current = needed[r.document_code];
      if (!current) { needed[r.document_code] = r; needOrder.push(r.document_code); }
      else if (current.level === "conditional" && r.level === "required") needed[r.document_code] = r;
    });
    return [
      needOrder.map(function (c) { return needed[c]; }),
      notOrder.filter(function (c) { return !needed[c]; }).map(function (c) { return notNeeded[c]; }),
    ];
  }

  function notes(a, applicant, offered) {
    var found = ["originals"];
    if (applicant === "child") found.push("child_parents", "child_travel_alone");
    if (a.case === "lost" || a.case === "lost_expired") found.push("police_report");
    if (SURCHARGE_BY_CASE[a.case]) found.push("bap_approval");
    if (a.case === "lost_expired" || a.case === "damaged_expired") found.push("expired_lost_damaged");
    if (LOST_OR_DAMAGED.indexOf(a.case) >= 0 && !a.force_majeure) found.push("lost_deferral");
    if (a.force_majeure) found.push("force_majeure");
    found.push("walk_in");
    if (a.purpose === "work") {
      found.push("work_route");
      if (offered && offered.length && offered.indexOf(MIGRANT) < 0 && a.case === "new") found.push("migrant_ask_office");
    }
    return found;
  }

  function warningText(doc, w) {
    var t = doc.warnings;
    if (w.code === "product_not_offered") {
      var label = doc.product_labels[w.params.asked];
      return format(t.product_not_offered, { asked: label ? label.toLowerCase() : "" });
    }
    if (w.code === "migrant_free_not_applicable") {
      return w.params.reason === "schedule" ? format(t.migrant_free_schedule, w.params) : t.migrant_free_answers;
    }
    return t[w.code] !== undefined ? format(t[w.code], w.params) : w.code;
  }

  function unique(list) {
    var seen = {}, out = [];
    list.forEach(function (x) { if (x && !seen[x]) { seen[x] = true; out.push(x); } });
    return out;
  }

  /* answers: {purpose, case, birth_date (YYYY-MM-DD), on, validity_years, married, electronic, same_day,
   * force_majeure, migrant_worker_first, office_id, village_code}. Returns the guide in the API's shape (the parts
   * computed from rules), or throws {field, code}. */
  function compute(doc, answers) {
    var a = Object.assign({ married: false, electronic: false, same_day: false, force_majeure: false,
      migrant_worker_first: false }, answers);
    a.validity_years = Number(a.validity_years);
    if (!a.purpose) throw { field: "purpose", code: "missing" };
    if (!a.case) throw { field: "case", code: "missing" };
    if ([5, 10].indexOf(a.validity_years) < 0) throw { field: "validity_years", code: "bad_validity" };
    if (!a.birth_date) throw { field: "birth_date", code: "missing" };
    if (a.birth_date > a.on) throw { field: "birth_date", code: "birth_after_application" };
    if (ageOn(a.birth_date, a.on) > doc.limits.max_age) throw { field: "birth_date", code: "implausible_birth_date" };
    if (a.force_majeure && LOST_OR_DAMAGED.indexOf(a.case) < 0) throw { field: "force_majeure", code: "force_majeure_needs_lost_or_damaged" };
    var office = null, officeId = a.office_id;
    if (!officeId && a.village_code) {
      // selectors.office_for: the office serving the village's regency today; an unknown village gives none.
      officeId = (doc.regency_offices || {})[regencyOf(a.village_code)] || "";
    }
    if (officeId) {
      office = doc.offices.filter(function (o) { return String(o.id) === String(officeId); })[0] || null;
      if (!office) throw { field: "office_id", code: "office_unknown" };
    }
    var validity = latest(doc.validity_rules, a.on), schedule = latest(doc.fee_schedules, a.on);
    if (!validity) throw { field: "on", code: "no_validity_rule" };
    if (!schedule) throw { field: "on", code: "no_fee_schedule" };
    var products = productsOn(doc, a.on, office);
    var offered = products ? products.map(function (p) { return p.code; }) : null;
    var fitted = fitProduct(a, offered);
    a = fitted[0];
    var warnings = fitted[1];
    if (a.migrant_worker_first && migrantFreeApplies(a)) {
      a = Object.assign({}, a, { electronic: false, validity_years: doc.limits.migrant_validity_years });
    }
    var age = ageOn(a.birth_date, a.on);
    var adult = age >= validity.adult_age || a.married;
    var applicant = adult ? "adult" : "child";
    var allowed = (age >= validity.adult_age || (a.married && validity.married_counts)) ? validity.long_years : validity.short_years;
    var years = a.validity_years;
    if (years > allowed) {
      warnings.push({ code: "validity_reduced", params: { age: age, adult_age: validity.adult_age, asked: years, given: allowed, citation: validity.citation } });
      years = allowed;
    }
    var feeResult = fee(a, schedule, years);
    var feeWarning = feeResult[1];
    if (feeWarning) warnings.push(feeWarning);
    if (a.purpose === "work" && age < doc.limits.work_min_age) {
      warnings.push({ code: "work_under_min_age", params: { age: age, min_age: doc.limits.work_min_age } });
    }
    var free = migrantFreeApplies(a);
    var product = productOf(free ? a : Object.assign({}, a, { migrant_worker_first: false }));
    var docs = documents(a, applicant, documentsOn(doc, a.on), product);
    var lines = feeResult[0];
    var citations = unique([validity.citation, schedule.citation]
      .concat(lines.map(function (l) { return l.citation; }))
      .concat((products || []).filter(function (p) { return p.code === product; }).map(function (p) { return p.citation; }))
      .concat([].concat.apply([], docs[0].concat(docs[1]).map(function (d) { return [d.citation, d.conflicting_citation]; }))));
    if (a.purpose === "work") citations = citations.concat(doc.work_citations);
    return {
      validity_years: years,
      requested_validity_years: a.validity_years,
      age: age,
      applicant: applicant,
      on: a.on,
      fee: {
        schedule: schedule.name,
        total_idr: lines.reduce(function (s, l) { return s + l.amount_idr; }, 0),
        items: lines,
      },
      documents: docs[0].map(function (d) {
        return { code: d.document_code, label: d.label, conditional: d.level === "conditional", condition: d.condition,
          description: d.description, by_office: d.by_office };
      }),
      not_needed: docs[1].map(function (d) { return { code: d.document_code, label: d.label, citation: d.citation }; }),
      warnings: warnings.map(function (w) { return { code: w.code, message: warningText(doc, w) }; }),
      notes: notes(a, applicant, offered).map(function (code) { return doc.notes[code]; }),
      citations: citations,
      office: office,
      product: product,
      products: products ? products.map(function (p) { return { code: p.code, label: p.label }; }) : null,
    };
  }

  function rupiah(amount) {
    return "Rp" + String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function kept() {
    try { return JSON.parse(window.localStorage.getItem(KEY) || "null"); } catch (e) { return null; }
  }

  function keep(url) {
    if (!window.fetch || !window.localStorage) return;
    fetch(url, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.json() : null; }).then(function (doc) {
      if (doc) try { window.localStorage.setItem(KEY, JSON.stringify(doc)); } catch (e) { /* storage full: stay online-only */ }
    }).catch(function () { /* offline: keep what we have */ });
  }

  function el(tag, text) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function answersFrom(form) {
    var now = new Date(), pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var data = new FormData(form);
    var on = data.get("on") || now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
    var product = data.get("product") || "";
    return {
      purpose: data.get("purpose") || "", case: data.get("case") || "", birth_date: data.get("birth_date") || "",
      on: on, validity_years: data.get("validity_years") || "", married: data.has("married"),
      same_day: data.has("same_day"), force_majeure: data.has("force_majeure"),
      electronic: product === EPASSPORT, migrant_worker_first: product === MIGRANT, office_id: data.get("office") || "",
      // Offline the village search cannot answer: a typed village code still names the office.
      village_code: data.get("village") || data.get("village_search") || "",
    };
  }

  function show(box, doc, result) {
    var t = box.dataset;
    box.replaceChildren();
    var heading = el("h2", t.heading);
    heading.tabIndex = -1;
    box.append(heading, el("p", t.note));
    result.warnings.forEach(function (w) { var p = el("p", w.message); p.className = "msg warning"; box.append(p); });
    box.append(el("p", t.validity + " " + result.validity_years));
    box.append(el("h3", t.fee));
    var fees = el("ul");
    result.fee.items.forEach(function (i) { fees.append(el("li", i.label + ": " + rupiah(i.amount_idr))); });
    fees.append(el("li", t.total + " " + rupiah(result.fee.total_idr)));
    box.append(fees, el("h3", t.documents));
    var docs = el("ul");
    result.documents.forEach(function (d) { docs.append(el("li", d.label + (d.conditional && d.condition ? " (" + d.condition + ")" : ""))); });
    box.append(docs, el("h3", t.notes));
    var notesList = el("ul");
    result.notes.forEach(function (n) { notesList.append(el("li", n)); });
    box.append(notesList);
    box.hidden = false;
    heading.focus();
  }

  function init() {
    var box = document.getElementById("hasil-offline");
    if (!box) return;
    if (navigator.onLine !== false) keep(box.dataset.rulesUrl);
    if ("serviceWorker" in navigator && box.dataset.worker) {
      // The guide page itself opens without a connection once visited (passport/sw.js); failing that, the page
      // still answers offline while it stays open.
      navigator.serviceWorker.register(box.dataset.worker, { scope: box.dataset.workerScope }).catch(function () {});
    }
    var form = document.querySelector("form.passport-form");
    if (!form) return;
    form.addEventListener("submit", function (event) {
      if (navigator.onLine !== false) return;
      var doc = kept();
      if (!doc) return;
      event.preventDefault();
      try {
        show(box, doc, compute(doc, answersFrom(form)));
      } catch (error) {
        box.replaceChildren(el("p", box.dataset.error));
        box.hidden = false;
      }
    });
  }

  window.guideOffline = { compute: compute, kept: kept, key: KEY };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
