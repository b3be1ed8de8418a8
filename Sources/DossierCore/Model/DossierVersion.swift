/// The version of dossier, shown by `--version` and sent in the User-Agent.
public enum DossierVersion {
    public static let current = "0.1.0"
}
