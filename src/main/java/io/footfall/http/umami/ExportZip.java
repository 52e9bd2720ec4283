package io.footfall.http.umami;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip of CSV files written straight to an output stream, one entry after another; CSV as Umami's export
 * writes it (header row, quotes only where needed, CRLF line ends).
 */
final class ExportZip implements AutoCloseable {
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get();

    private final ZipOutputStream zip;
    private final Writer text;

    ExportZip(OutputStream out) {
        this.zip = new ZipOutputStream(new KeepOpen(out), StandardCharsets.UTF_8);
        this.text = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
    }

    /** One CSV entry; {@code rows} writes its rows through the printer it is given. */
    void csv(String name, List<String> header, CsvRows rows) throws Exception {
        zip.putNextEntry(new ZipEntry(name));
        CSVPrinter printer = new CSVPrinter(text, FORMAT);
        if (header != null) printer.printRecord(header);
        rows.writeTo(printer);
        printer.flush();
        zip.closeEntry();
    }

    @FunctionalInterface
    interface CsvRows {
        void writeTo(CSVPrinter printer) throws Exception;
    }

    /** Finishes the archive; the stream it was written to stays open. */
    @Override
    public void close() throws IOException {
        text.flush();
        zip.close();
    }

    /** Lets a zip (or base64 encoder) be finished without closing the response beneath it. */
    static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
