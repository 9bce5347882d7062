/** The baseline: a module Worker that answers every request with the same 302 and nothing else. */
export default {
  fetch(): Response {
    return new Response(null, { status: 302, headers: { Location: 'https://example.com/', 'Cache-Control': 'no-store' } });
  },
} satisfies ExportedHandler;
