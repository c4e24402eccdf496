(function () {
  'use strict';
  function value(row, index, numeric) {
    var cell = row.cells[index];
    var v = cell ? cell.getAttribute('data-value') : null;
    if (v === null || v === '') { return null; }
    if (!numeric) { return v.toLowerCase(); }
    var n = parseFloat(v);
    return isNaN(n) ? null : n;
  }
  function sortBy(table, header, index) {
    var numeric = header.getAttribute('data-sort') !== 'text';
    var current = header.getAttribute('aria-sort');
    var ascending = current === 'none' || current === null ? !numeric : current === 'descending';
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, i) { return { row: row, key: value(row, index, numeric), i: i }; });
    keyed.sort(function (a, b) {
      if (a.key === null && b.key === null) { return a.i - b.i; }
      if (a.key === null) { return 1; }
      if (b.key === null) { return -1; }
      var c = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
      return (ascending ? c : -c) || a.i - b.i;
    });
    keyed.forEach(function (k) { body.appendChild(k.row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.setAttribute('aria-sort', 'none'); });
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
  }
  Array.prototype.forEach.call(document.querySelectorAll('table.sortable'), function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      th.tabIndex = 0;
      th.addEventListener('click', function () { sortBy(table, th, index); });
      th.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(table, th, index); }
      });
    });
  });
  var toggle = document.getElementById('toggle-published');
  if (toggle) {
    toggle.addEventListener('change', function () {
      document.getElementById('leaderboard-table').classList.toggle('hide-published', !toggle.checked);
    });
  }
}());
