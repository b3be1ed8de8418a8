@testable import DossierSettings
import Foundation
import Testing

@Suite("DossierPaths")
struct DossierPathsTests {
    @Test("DOSSIER_HOME puts config, data, cache and output under it, ahead of XDG variables")
    func dossierHomeLayout() {
        let paths = DossierPaths(environment: [
            "DOSSIER_HOME": "/tmp/dh", "XDG_CONFIG_HOME": "/x/config", "HOME": "/home/u",
        ])
        #expect(paths.configDirectory.path(percentEncoded: false) == "/tmp/dh/config/")
        #expect(paths.dataDirectory.path(percentEncoded: false) == "/tmp/dh/data/")
        #expect(paths.cacheDirectory.path(percentEncoded: false) == "/tmp/dh/cache/")
        #expect(paths.outputDirectory.path(percentEncoded: false) == "/tmp/dh/output/")
        #expect(paths.configFile.path(percentEncoded: false) == "/tmp/dh/config/config.toml")
    }

    @Test("XDG variables choose the base directories, output sits in the data directory")
    func xdgLayout() {
        let paths = DossierPaths(environment: [
            "XDG_CONFIG_HOME": "/x/config", "XDG_DATA_HOME": "/x/data", "XDG_CACHE_HOME": "/x/cache",
            "HOME": "/home/u",
        ])
        #expect(paths.configDirectory.path(percentEncoded: false) == "/x/config/dossier/")
        #expect(paths.dataDirectory.path(percentEncoded: false) == "/x/data/dossier/")
        #expect(paths.cacheDirectory.path(percentEncoded: false) == "/x/cache/dossier/")
        #expect(paths.outputDirectory.path(percentEncoded: false) == "/x/data/dossier/output/")
        #expect(paths.configFile.path(percentEncoded: false) == "/x/config/dossier/config.toml")
    }

    @Test("without XDG variables the defaults under HOME apply; empty and relative values are ignored")
    func homeDefaults() {
        let paths = DossierPaths(environment: [
            "HOME": "/home/u", "DOSSIER_HOME": "", "XDG_CONFIG_HOME": "", "XDG_DATA_HOME": "relative/data",
        ])
        #expect(paths.configDirectory.path(percentEncoded: false) == "/home/u/.config/dossier/")
        #expect(paths.dataDirectory.path(percentEncoded: false) == "/home/u/.local/share/dossier/")
        #expect(paths.cacheDirectory.path(percentEncoded: false) == "/home/u/.cache/dossier/")
        #expect(paths.outputDirectory.path(percentEncoded: false) == "/home/u/.local/share/dossier/output/")
    }
}
