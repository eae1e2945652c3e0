// Records every Content-Security-Policy violation on the page, for demo/csp.html and the partner-page
// check (scripts/check-partner-pages.mjs). It is an external file because the policy forbids inline
// scripts, and it comes before the widgets' script so that nothing they do goes unseen.
window.samlengCspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  const violation = {
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: event.sourceFile ? `${event.sourceFile}:${event.lineNumber}:${event.columnNumber}` : '',
  };
  window.samlengCspViolations.push(violation);
  console.error('Content-Security-Policy violation:', JSON.stringify(violation));
});
