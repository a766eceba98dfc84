'use strict';
// Shows why the last sign-in failed (the server sends the browser back here with ?failed=…).
document.addEventListener('DOMContentLoaded', () => {
  const failed = new URLSearchParams(location.search).get('failed');
  const p = document.getElementById('failed');
  if (failed === 'token') {
    p.textContent = 'That is not the token of $JSUP_HOME/web.token.';
  } else if (failed === 'code') {
    p.textContent = 'That sign-in link was used already or is older than a minute: run jsup web open again.';
  }
  p.hidden = !failed;
  document.getElementById('token').focus();
});
