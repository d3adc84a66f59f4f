// Leaflet looks for its marker images next to its style sheet by file name, which fails once the file names
// carry a hash (ManifestStaticFilesStorage). This gives every marker the images by their real addresses,
// named on this script's tag.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!window.L || !script) return;
  window.L.Marker.prototype.options.icon = window.L.icon({
    iconUrl: script.dataset.icon,
    iconRetinaUrl: script.dataset.iconRetina,
    shadowUrl: script.dataset.shadow,
    iconSize: [25, 41],
    iconAnchor: [12, 41],
    popupAnchor: [1, -34],
    tooltipAnchor: [16, -28],
    shadowSize: [41, 41],
  });
})();
