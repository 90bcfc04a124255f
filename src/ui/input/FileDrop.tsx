import { useId, useState, type DragEvent, type ReactNode } from 'react'
import './extraction.css'
import { MAX_INPUT_LENGTH } from '../../core/index.ts'

interface Props {
  onText: (text: string) => void
  children: ReactNode
}

function size(bytes: number): string {
  return bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/**
 * Lets a file be dropped onto the input, or chosen with a file picker: a token file, a Secret, a
 * kubeconfig. The file is read in the browser (Blob.text) and never leaves it.
 */
export function FileDrop({ onText, children }: Props) {
  const [status, setStatus] = useState('')
  const [over, setOver] = useState(false)
  const inputId = useId()

  async function load(file: File | undefined) {
    if (!file) return
    if (file.size > MAX_INPUT_LENGTH) {
      setStatus(`${file.name} is ${size(file.size)}; files above 1 MB are not read.`)
      return
    }
    try {
      const text = await file.text()
      onText(text)
      setStatus(`Read ${file.name} (${size(file.size)}) in this browser; nothing was uploaded.`)
    } catch {
      setStatus(`${file.name} could not be read.`)
    }
  }

  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer.types).includes('Files')

  return (
    <div
      className={`file-drop${over ? ' file-drop-over' : ''}`}
      data-testid="file-drop"
      onDragOver={(e) => {
        if (!hasFiles(e)) return
        e.preventDefault()
        e.dataTransfer.dropEffect = 'copy'
        setOver(true)
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        setOver(false)
        if (e.dataTransfer.files.length === 0) return
        e.preventDefault()
        void load(e.dataTransfer.files[0])
      }}
    >
      {children}
      <p className="file-drop-hint">
        Drop a file here, or{' '}
        {/* The input comes first so that its keyboard focus can be shown on the label after it. */}
        <input
          id={inputId}
          data-testid="file-input"
          type="file"
          className="visually-hidden"
          onChange={(e) => {
            void load(e.target.files?.[0])
            e.target.value = ''
          }}
        />
        <label htmlFor={inputId} className="file-pick">
          open a file
        </label>{' '}
        (a token, Secret or kubeconfig; read locally).
      </p>
      <p role="status" className="file-drop-status">
        {status}
      </p>
    </div>
  )
}
