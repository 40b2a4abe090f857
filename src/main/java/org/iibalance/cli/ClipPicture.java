package org.iibalance.cli;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.iibalance.run.SafeFiles;
import org.iibalance.gui.util.ClipImages;

/**
 * {@code evaluate --clip ID --render FILE}: one clip as the network saw it (frames and spectrogram,
 * drawn as the gating inspector draws them) above text lines (its corruptions, each head's class
 * probabilities, u_m and the fusion weights), as a PNG. The same picture the what-if panel shows,
 * without a display.
 */
final class ClipPicture {
    private static final int SCALE_WIDTH = 480, MARGIN = 10, LINE = 16;

    private ClipPicture() {}

    /** Writes the picture atomically (temporary file, then rename). */
    static void write(Path file, String title, ClipImages.Argb frames, ClipImages.Argb spectrogram, List<String> lines) throws IOException {
        List<Object> parts = new ArrayList<>();
        if (frames != null) {
            parts.add("frames");
            parts.add(scaled(frames));
        }
        if (spectrogram != null) {
            parts.add("log-Mel spectrogram");
            parts.add(scaled(spectrogram));
        }
        parts.addAll(lines);
        int width = 2 * MARGIN + 560, height = 2 * MARGIN + LINE + 4;
        for (Object p : parts) {
            if (p instanceof ClipImages.Argb a) {
                width = Math.max(width, a.width() + 2 * MARGIN);
                height += a.height() + 6;
            } else {
                height += LINE;
            }
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        int y = MARGIN + LINE - 3;
        g.drawString(title, MARGIN, y);
        y += 8;
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 12));
        for (Object p : parts) {
            if (p instanceof ClipImages.Argb a) {
                BufferedImage b = new BufferedImage(a.width(), a.height(), BufferedImage.TYPE_INT_ARGB);
                b.setRGB(0, 0, a.width(), a.height(), a.pixels(), 0, a.width());
                g.drawImage(b, MARGIN, y, null);
                y += a.height() + 6;
            } else {
                y += LINE;
                g.drawString(p.toString(), MARGIN, y - 4);
            }
        }
        g.dispose();
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        if (!ImageIO.write(img, "png", png)) throw new IOException("no PNG writer");
        SafeFiles.write(file.toAbsolutePath(), png.toByteArray()); // temporary sibling, forced, renamed
    }

    private static ClipImages.Argb scaled(ClipImages.Argb a) {
        return ClipImages.scale(a, Math.max(1, Math.min(4, SCALE_WIDTH / Math.max(1, a.width()))));
    }
}
