// Serves the production build with `vite preview` and prints the URL to open.
import { preview } from 'vite'

const port = Number(process.env.PORT ?? 4173)
const server = await preview({ preview: { port, host: process.env.HOST ?? '127.0.0.1', strictPort: false } })
server.printUrls()
console.log('\nJWT Explorer is running: open the URL above. Press Ctrl+C to stop.')
