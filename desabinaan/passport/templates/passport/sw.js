/* The passport guide's service worker (issue 15), served by desabinaan/passport/offline.py at /paspor/sw.js: its
 * scope is the guide only. At install it keeps the guide page, its scripts and style and the rules document; it
 * answers them network-first and, without a connection, from that copy, so a villager who opened the guide once can
 * open it again in the field (guide-offline.js then computes the answer). Every other request, and every page but
 * the guide, goes to the network untouched: nothing personal is ever kept here. */
"use strict";

var PREFIX = "desabinaan-paspor-";
var CACHE = {{ cache|safe }};
var GUIDE = {{ guide|safe }};
var ASSETS = {{ assets|safe }};

function storable(response) {
  // A redirected response cannot answer a navigation: keep its body and headers only.
  if (!response.redirected) return response;
  return response.blob().then(function (body) {
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      return Promise.all(ASSETS.map(function (url) {
        return fetch(url, { credentials: "same-origin", cache: "no-cache" }).then(function (response) {
          if (!response.ok) throw new Error(url + ": " + response.status);
          return Promise.resolve(storable(response)).then(function (copy) { return cache.put(url, copy); });
        });
      }));
    }).then(function () { return self.skipWaiting(); })
  );
});

self.addEventListener("activate", function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf(PREFIX) === 0 && name !== CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  var key = null;
  if (request.mode === "navigate") {
    if (url.pathname !== GUIDE) return;
    // The form itself is kept; a result's address falls back to the form (the answer is computed in the browser).
    key = GUIDE;
  } else if (ASSETS.indexOf(url.pathname) >= 0 && !url.search) {
    key = url.pathname;
  } else {
    return;
  }
  var keep = !url.search;
  event.respondWith(
    fetch(request).then(function (response) {
      if (keep && response.ok && !response.redirected) {
        var copy = response.clone();
        event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.put(key, copy); }));
      }
      return response;
    }).catch(function () {
      return caches.open(CACHE).then(function (cache) {
        return cache.match(key, { ignoreVary: true, ignoreSearch: true });
      }).then(function (cached) { return cached || Response.error(); });
    })
  );
});
