// The place form's map: tap (or drag the marker) to fill in the latitude and longitude; typed numbers move
// the marker. Without JavaScript, Leaflet or tiles the two number fields work as before.
(function () {
  "use strict";
  function number(input) {
    var value = parseFloat(String(input.value).replace(",", "."));
    return isNaN(value) ? null : value;
  }
  function start() {
    var box = document.querySelector("[data-location-picker]");
    var lat = document.querySelector("input[name=latitude]");
    var lng = document.querySelector("input[name=longitude]");
    if (!box || !window.L || !lat || !lng) return;
    box.hidden = false;
    document.querySelectorAll("[data-location-picker-help]").forEach(function (help) { help.hidden = false; });
    var known = number(lat) !== null && number(lng) !== null;
    var centre = known ? [number(lat), number(lng)] : [parseFloat(box.dataset.lat), parseFloat(box.dataset.lng)];
    var map = window.L.map(box, { scrollWheelZoom: false }).setView(centre, known ? 17 : 15);
    window.L.tileLayer(box.dataset.tileUrl, { maxZoom: 19, attribution: box.dataset.attribution }).addTo(map);
    var marker = null;
    function put(point, fill) {
      if (marker) {
        marker.setLatLng(point);
      } else {
        marker = window.L.marker(point, { draggable: true, title: box.dataset.markerLabel, alt: box.dataset.markerLabel });
        marker.on("dragend", function () { put(marker.getLatLng(), true); });
        marker.addTo(map);
      }
      if (fill) {
        lat.value = point.lat.toFixed(6);
        lng.value = point.lng.toFixed(6);
      }
    }
    if (known) put(window.L.latLng(centre[0], centre[1]), false);
    map.on("click", function (event) { put(event.latlng, true); });
    [lat, lng].forEach(function (input) {
      input.addEventListener("change", function () {
        if (number(lat) === null || number(lng) === null) return;
        var point = window.L.latLng(number(lat), number(lng));
        put(point, false);
        if (!map.getBounds().contains(point)) map.panTo(point);
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
