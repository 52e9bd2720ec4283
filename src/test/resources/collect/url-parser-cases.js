// Writes url-parser-cases.tsv: generated URLs with what Node's WHATWG URL gives for them as Umami reads a page URL
// (new URL(url, "https://example.com"): decodeURI(pathname + hash), or the undecoded text when that throws; search
// without "?"), base64 per field. Run: node url-parser-cases.js url-parser-cases.tsv
const alphabet = "ab/\\?#%:@[].2eEF\t ='+\u00e9\ud83d\ude00x{}`\"<>|^~;&$,";
let seed=7;function rnd(n){seed=(seed*1103515245+12345)%2147483648;return seed%n;}
const out=[];
for(let i=0;i<800;i++){let s=rnd(2)?"https://h":(rnd(2)?"/":"");const n=rnd(20);for(let k=0;k<n;k++)s+=alphabet[rnd(alphabet.length)];
 try{const u=new URL(s,"https://example.com");let path=u.pathname==='/undefined'?'':u.pathname+u.hash;let d;try{d=decodeURI(path)}catch(e){d=path}
 if(s.length===0)continue;
 out.push([s,d,u.search.substring(1)]);}catch(e){}}
require('fs').writeFileSync(process.argv[2], out.map(r=>r.map(x=>Buffer.from(x,'utf8').toString('base64')).join('\t')).join('\n'));
console.log(out.length);
