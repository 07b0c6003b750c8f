// After django-otp-webauthn's script saved a new passkey: show the recovery codes it brought
// (a first factor), or go on (the security page lists the new key). Loaded from our own host,
// no inline script, so the admin's Content-Security-Policy can forbid them.
document.addEventListener("otp_webauthn.register_complete", (event) => {
  const box = document.querySelector("[data-passkey-done-url]");
  if (!box) {
    return;
  }
  const answer = (event.detail && event.detail.response) || {};
  window.location.assign(answer.recovery_codes_due ? box.dataset.passkeyRecoveryUrl : box.dataset.passkeyDoneUrl);
});
