// Optional: shows and hides questions that only apply after another answer on
// the same page. Without this script every such question is shown with a hint
// saying when to answer it, and the server decides on submit.
(function () {
  var conditional = document.querySelectorAll('[data-show-if-field]');
  function current(name) {
    var inputs = document.querySelectorAll('[name="' + name + '"]');
    var values = [];
    for (var i = 0; i < inputs.length; i++) {
      var el = inputs[i];
      if ((el.type === 'radio' || el.type === 'checkbox') && !el.checked) continue;
      values.push(el.value);
    }
    return values;
  }
  function update() {
    for (var i = 0; i < conditional.length; i++) {
      var el = conditional[i];
      var show = current(el.getAttribute('data-show-if-field')).indexOf(el.getAttribute('data-show-if-value')) >= 0;
      el.hidden = !show;
    }
  }
  document.addEventListener('change', update);
  update();
})();
