// The map of places: reads the list below it (data-lat, data-lng, data-name) and puts a marker on each
// place with coordinates. Without JavaScript, Leaflet or tiles the list stays and says the same.
(function () {
  "use strict";
  function start() {
    var box = document.querySelector("[data-map]");
    var places = document.querySelectorAll("[data-map-places] [data-lat]");
    if (!box || !window.L || places.length === 0) return;
    box.hidden = false;
    var map = window.L.map(box, { scrollWheelZoom: false });
    window.L.tileLayer(box.dataset.tileUrl, { maxZoom: 19, attribution: box.dataset.attribution }).addTo(map);
    var bounds = [];
    places.forEach(function (place) {
      var point = [parseFloat(place.dataset.lat), parseFloat(place.dataset.lng)];
      var popup = document.createElement("div");
      var title = document.createElement("strong");
      title.textContent = place.dataset.name;
      popup.appendChild(title);
      place.querySelectorAll("[data-map-link]").forEach(function (link) {
        var line = document.createElement("div");
        var copy = document.createElement("a");
        copy.href = link.href;
        copy.textContent = link.textContent;
        line.appendChild(copy);
        popup.appendChild(line);
      });
      window.L.marker(point, { title: place.dataset.name, alt: place.dataset.name }).addTo(map).bindPopup(popup);
      bounds.push(point);
    });
    if (bounds.length === 1) map.setView(bounds[0], 16);
    else map.fitBounds(bounds, { padding: [24, 24] });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
