using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace LogReg.Tests.Kit;

/// <summary>
/// A throwaway certificate authority and member certificates as PEM files in a temporary folder, made the way an operator
/// would with openssl: a CA, member certificates it signs (server and client use), and a rogue certificate signed by
/// another CA.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    public TestCertificates()
    {
        Folder = Directory.CreateTempSubdirectory("logreg-tls-").FullName;
        using var ca = Authority("CN=logreg test CA");
        using var other = Authority("CN=someone else's CA");
        File.WriteAllText(Trust, ca.ExportCertificatePem());
        File.WriteAllText(OtherTrust, other.ExportCertificatePem());
        WriteMember(ca, "CN=worker", Member);
        WriteMember(ca, "CN=coordinator", Coordinator);
        WriteMember(other, "CN=rogue", Rogue);
        WriteMember(ca, "CN=server only", ServerOnly, clientToo: false);
        File.WriteAllText(CertificateWithoutKey, File.ReadAllText(Member).Split("-----BEGIN PRIVATE KEY-----")[0]);
    }

    public string Folder { get; }

    /// <summary>The CA's certificate (PEM): the --trust file.</summary>
    public string Trust => Path.Combine(Folder, "ca.crt");

    /// <summary>Another CA's certificate.</summary>
    public string OtherTrust => Path.Combine(Folder, "other-ca.crt");

    /// <summary>A worker's certificate and key, signed by the CA.</summary>
    public string Member => Path.Combine(Folder, "worker.pem");

    /// <summary>A coordinator's certificate and key, signed by the CA.</summary>
    public string Coordinator => Path.Combine(Folder, "coordinator.pem");

    /// <summary>A certificate and key signed by the other CA.</summary>
    public string Rogue => Path.Combine(Folder, "rogue.pem");

    /// <summary>A certificate signed by the CA for server authentication only.</summary>
    public string ServerOnly => Path.Combine(Folder, "server-only.pem");

    /// <summary>The worker's certificate alone.</summary>
    public string CertificateWithoutKey => Path.Combine(Folder, "worker.crt");

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static X509Certificate2 Authority(string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static void WriteMember(X509Certificate2 authority, string subject, string path, bool clientToo = true)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        var usages = new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") };
        if (clientToo)
        {
            usages.Add(new Oid("1.3.6.1.5.5.7.3.2"));
        }
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, false));
        var serial = RandomNumberGenerator.GetBytes(8);
        using var certificate = request.Create(authority, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), serial);
        File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem() + "\n");
    }
}
