/** The tracking snippet for a website, pointing at this server's script (BASE_PATH, TRACKER_SCRIPT_NAME). */
export function trackingSnippet(origin: string, basePath: string, websiteId: string, trackerScriptName?: string | null): string {
  let name = (trackerScriptName ?? '').split(',')[0].trim() || 'script.js';
  name = name.replace(/^\/+/, '');
  return `<script defer src="${origin}${basePath}/${name}" data-website-id="${websiteId}"></script>`;
}
