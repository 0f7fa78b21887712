package dev.envclone.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into envclone/version.properties at build time. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/dev/envclone/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"envclone " + properties.getProperty("version", "(unknown version)"),
            "Java " + System.getProperty("java.version") + ", " + System.getProperty("os.name")};
    }
}
