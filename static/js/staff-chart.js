// Staff by position and category (dashboard and area report): a stacked bar chart from the page's JSON.
(function () {
  var canvas = document.getElementById("staff-chart");
  var source = document.getElementById("staff-chart-data");
  if (!canvas || !source || !window.Chart) { return; }
  var data = JSON.parse(source.textContent);
  var colours = {none: "#adb5bd", second: "#6ea8fe", first: "#0d6efd", highest: "#052c65", no_ladder: "#dee2e6", unknown: "#ffc107"};
  new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: data.datasets.map(function (set) {
        return {label: set.label, data: set.data, backgroundColor: colours[set.code] || "#6c757d"};
      })
    },
    options: {
      indexAxis: "y", responsive: true, maintainAspectRatio: false, animation: false,
      scales: {x: {stacked: true, beginAtZero: true, ticks: {precision: 0}}, y: {stacked: true}},
      plugins: {legend: {position: "bottom"}}
    }
  });
})();
