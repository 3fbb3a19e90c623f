// Attendance capture that survives a lost connection.
// Every submission gets a client id (crypto.randomUUID), goes into an IndexedDB queue on the phone, and is sent to
// the attendance API when online. The API answers 201 (new) or 200 (that client id was already received), so a
// retried send never duplicates. 4xx answers with a reason leave the queue and are listed for the officer.
(function () {
  "use strict";
  var form = document.querySelector("[data-offline-form]");
  if (!form || !window.indexedDB || !window.fetch) return;  // the plain form post still works

  var DB_NAME = "desabinaan-attendance";
  var STORE = "queue";
  var apiUrl = form.dataset.apiUrl;
  var eventId = form.dataset.eventId;
  var status = document.querySelector("[data-sync-status]");
  var lastSyncKey = "desabinaan-last-sync-" + eventId;
  var syncedKey = "desabinaan-synced-" + eventId;
  var syncing = false;

  function openDb() {
    return new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () {
        var store = request.result.createObjectStore(STORE, { keyPath: "client_id" });
        store.createIndex("event", "event_id");
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function tx(mode, work) {
    return openDb().then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(STORE, mode);
        var result = work(t.objectStore(STORE));
        t.oncomplete = function () { db.close(); resolve(result && "result" in result ? result.result : undefined); };
        t.onerror = function () { db.close(); reject(t.error); };
      });
    });
  }

  function queued() {
    return tx("readonly", function (store) { return store.index("event").getAll(eventId); });
  }

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
    var input = form.querySelector("[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function text(selector, value) {
    var el = status.querySelector(selector);
    if (el) el.textContent = value;
  }

  function render() {
    return queued().then(function (items) {
      status.hidden = false;
      text("[data-queue-count]", String(items.length));
      text("[data-synced-count]", localStorage.getItem(syncedKey) || "0");
      var last = localStorage.getItem(lastSyncKey);
      text("[data-last-sync]", last ? new Date(last).toLocaleString() : form.dataset.msgNever);
      text("[data-online-state]", navigator.onLine ? form.dataset.msgOnline : form.dataset.msgOffline);
    });
  }

  function reject(item, message) {
    var list = status.querySelector("[data-rejected]");
    var li = document.createElement("li");
    li.textContent = item.name + ": " + message;
    list.appendChild(li);
  }

  function send(item) {
    var body = Object.assign({}, item);
    delete body.event_id;
    return fetch(apiUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken(), Accept: "application/json" },
      body: JSON.stringify(body)
    });
  }

  function remove(clientId) {
    return tx("readwrite", function (store) { store.delete(clientId); });
  }

  function sync() {
    if (syncing || !navigator.onLine) return render();
    syncing = true;
    return queued().then(function (items) {
      var chain = Promise.resolve(true);
      items.forEach(function (item) {
        chain = chain.then(function (go) {
          if (!go) return false;
          return send(item).then(function (response) {
            if (response.status === 200 || response.status === 201) {
              localStorage.setItem(syncedKey, String(Number(localStorage.getItem(syncedKey) || "0") + 1));
              localStorage.setItem(lastSyncKey, new Date().toISOString());
              return remove(item.client_id).then(function () { return true; });
            }
            if (response.status === 409 || response.status === 422 || response.status === 403 || response.status === 404) {
              // Will never succeed as it is: tell the officer, drop it from the queue.
              return response.json().catch(function () { return {}; }).then(function (data) {
                reject(item, data.detail || String(response.status));
                return remove(item.client_id).then(function () { return true; });
              });
            }
            return false;  // signed out, server error: keep everything for the next try
          }, function () { return false; });
        });
      });
      return chain;
    }).then(function () { syncing = false; return render(); }, function () { syncing = false; return render(); });
  }

  function value(name) {
    var field = form.elements[name];
    if (!field) return "";
    if (field instanceof RadioNodeList) return field.value;
    return field.type === "checkbox" ? field.checked : field.value.trim();
  }

  function villageCode() {
    var hidden = form.querySelector("input[type=hidden][name=village]");
    return (hidden && hidden.value) || value("village_search");
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var record = {
      client_id: crypto.randomUUID(),
      event_id: eventId,
      name: value("name"),
      sex: value("sex"),
      village_code: villageCode(),
      consent: value("consent") === true,
      nik: value("nik") || null,
      phone: value("phone"),
      target_group: null,
      guardian_name: value("guardian_name"),
      guardian_relation: value("guardian_relation"),
      // Recorded with the attendance: how much capture happens without a connection.
      source: navigator.onLine ? "api" : "offline"
    };
    var group = form.elements.target_group;
    if (group && group.value) record.target_group = group.value;
    if (value("birth_date")) record.birth_date = value("birth_date");
    else if (value("birth_year")) record.birth_year = Number(value("birth_year"));
    var notice = form.querySelector("[data-form-notice]");
    if (!record.name || !record.sex || !record.village_code || !record.consent || !(record.birth_date || record.birth_year)) {
      notice.hidden = false;
      notice.className = "msg error";
      notice.textContent = form.dataset.msgRequired;
      return;
    }
    tx("readwrite", function (store) { store.put(record); }).then(function () {
      ["name", "birth_year", "birth_date", "nik", "phone", "guardian_name", "guardian_relation"].forEach(function (n) {
        if (form.elements[n]) form.elements[n].value = "";
      });
      form.querySelectorAll("input[name=sex]").forEach(function (r) { r.checked = false; });
      if (form.elements.consent) form.elements.consent.checked = false;
      notice.hidden = false;
      notice.className = "msg success";
      notice.textContent = form.dataset.msgSaved + " (" + record.name + ")";
      form.elements.name.focus();
      return sync();
    });
  });

  window.addEventListener("online", sync);
  window.addEventListener("offline", render);
  setInterval(sync, 30000);
  sync();

  if ("serviceWorker" in navigator) {
    // Scope /sosialisasi/: the capture page works offline after one visit. Blocked service workers are fine.
    navigator.serviceWorker.register("/sosialisasi/sw.js", { scope: "/sosialisasi/" }).catch(function () {});
  }
})();
