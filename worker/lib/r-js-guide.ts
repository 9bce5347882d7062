/**
 * The `r.js` integration guide, as a page of the API reference (Markdown that Scalar renders in the document's
 * introduction, each `##` heading an entry of its sidebar). The README's section of the same name summarises it.
 */
export const R_JS_GUIDE = `
## Reporting conversions from your site (r.js)

A visitor arrives on your site from an ambassador's short link with \`?rl_cid=…\`, the click id a conversion later
names. Attribution is marketing measurement, so in the EU it needs the visitor's consent: \`/r.js\` (2 KB, no
dependency, served by this deployment) stores nothing until your consent banner says so, then keeps the click id in
a first-party cookie for the attribution window and hands it to your form.

### 1. Load the script and ask for consent

\`\`\`html
<script src="https://relais.example/r.js" data-days="30"></script>
<div id="consent-banner">
  <p>May we measure which of our employees' posts brought you here?</p>
  <button onclick="Relais.consent(true)">Accept</button>
  <button onclick="Relais.consent(false)">Refuse</button>
</div>
\`\`\`

| API | What it does |
| --- | --- |
| \`Relais.consent(true)\` | the visitor accepted marketing measurement: stores the click id they arrived with |
| \`Relais.consent(false)\` | they refused or withdrew it: clears the cookie |
| \`Relais.clickId()\` | the click id to send with a form to your own backend, or \`null\` |
| \`data-days\` | how long the cookie lives, 1 to 365 days (default 30): match your attribution window |
| \`data-consent="granted"\` | for sites that load the script only after consent was given |

What a click on a short link records, and the audience's way to object, are on this deployment's public
[/privacy](/privacy) page: link to it from your own privacy policy. Nothing is stored before consent: no cookie, no storage, no request to Relais. Once consent is given, the cookie
itself carries it to the visitor's next pages (it is only ever written after consent).

### 2. Send the click id with your form

\`\`\`html
<form id="apply" action="/apply" method="post">
  <input type="hidden" name="rl_cid">
  …
</form>
<script>
  document.getElementById('apply').addEventListener('submit', (event) => {
    event.target.elements.rl_cid.value = Relais.clickId() ?? '';
  });
</script>
\`\`\`

### 3. Report the conversion from your backend

With an API key that has the \`conversions:write\` scope (\`POST /api/v1/conversions\`):

\`\`\`sh
curl -X POST https://relais.example/api/v1/conversions \\
  -H "Authorization: Bearer $RELAIS_KEY" -H 'Content-Type: application/json' \\
  -H 'Idempotency-Key: ats-4711' \\
  -d '{"clickId":"<rl_cid from the form>","type":"application","externalId":"ats-4711","occurredAt":"2026-11-25T08:30:00Z"}'
\`\`\`

The click id is signed, so the conversion is attributed at once (\`201\`, \`"attributed": true\`), even before the
click pipeline has stored the click. A retry with the same \`Idempotency-Key\` (kept 24 h) or the same
\`externalId\` + \`type\` answers \`200\` with the first result; an unknown or forged id answers \`422 unknown_click\`;
a click older than the organisation's attribution window (default 30 days) gives \`"attributed": false\`.
`;
