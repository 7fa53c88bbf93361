using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Orleans.Connections.Security;
using Orleans.Hosting;

namespace LogReg.Distributed;

/// <summary>
/// Mutual TLS for every connection of a cluster — silo to silo, client to gateway: each process shows its own
/// certificate, and accepts the other side only if that side's certificate chains to one of the operator's trusted
/// certificates (their own certificate authority, not the machine's store). A process without such a certificate is
/// refused during the handshake, before any message, so it can neither call a grain nor join the membership.
/// Host names are not checked: members are reached by address, and trust is the chain.
/// </summary>
public sealed class ClusterTls
{
    private readonly X509Certificate2Collection _trust;

    private ClusterTls(X509Certificate2 certificate, X509Certificate2Collection trust)
    {
        Certificate = certificate;
        _trust = trust;
    }

    /// <summary>This process's certificate, with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>
    /// Reads a certificate with its private key (a PEM file holding both, or a PKCS#12 file without a password) and the
    /// trusted certificates (a PEM file of one or more). The certificate must itself chain to the trusted ones (a
    /// cluster whose members cannot accept each other is a configuration error best found at start).
    /// </summary>
    /// <exception cref="ClusterTlsException">A file is missing or unreadable, holds no certificate or key, or the certificate is not trusted.</exception>
    public static ClusterTls Load(string certificatePath, string trustPath)
    {
        var tls = LoadUnchecked(certificatePath, trustPath);
        // Every member is a TLS server (silos, gateways) and a client (silo to silo): a certificate limited to one is
        // refused by its peers only after the join timeout, so it is refused here.
        if (tls.Certificate.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault() is { } usage)
        {
            var oids = usage.EnhancedKeyUsages.Cast<System.Security.Cryptography.Oid>().Select(o => o.Value).ToHashSet();
            if (!oids.Contains("1.3.6.1.5.5.7.3.1") || !oids.Contains("1.3.6.1.5.5.7.3.2"))
            {
                throw new ClusterTlsException($"certificate '{certificatePath}' ({tls.Certificate.Subject}) is not for both server and client authentication; " +
                    "every member is both (extendedKeyUsage=serverAuth,clientAuth, or no extended key usage).");
            }
        }
        if (!tls.Trusts(tls.Certificate))
        {
            throw new ClusterTlsException($"certificate '{certificatePath}' ({tls.Certificate.Subject}) is not signed by a certificate in '{trustPath}' (or is expired); every member's certificate must chain to the trusted ones.");
        }
        return tls;
    }

    // Without the check that the certificate is trusted by its own trust: how a rogue process is configured (tests).
    internal static ClusterTls LoadUnchecked(string certificatePath, string trustPath)
    {
        ArgumentNullException.ThrowIfNull(certificatePath);
        ArgumentNullException.ThrowIfNull(trustPath);
        return new ClusterTls(ReadCertificate(certificatePath), ReadTrust(trustPath));
    }

    /// <summary>Whether <paramref name="remote"/> chains to a trusted certificate (and is within its validity period).</summary>
    public bool Trusts(X509Certificate2 remote)
    {
        ArgumentNullException.ThrowIfNull(remote);
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_trust);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(remote);
    }

    /// <summary>Requires mutual TLS on a silo's inbound (silo and gateway) and outbound connections.</summary>
    public ISiloBuilder Apply(ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.UseTls(Certificate, Configure);
    }

    /// <summary>Requires mutual TLS on a client's connections to gateways.</summary>
    public IClientBuilder Apply(IClientBuilder client)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.UseTls(Certificate, Configure);
    }

    private void Configure(TlsOptions options)
    {
        options.RemoteCertificateMode = RemoteCertificateMode.RequireCertificate;
        options.ClientCertificateMode = RemoteCertificateMode.RequireCertificate;
        // Called with the platform's verdict, which knows nothing of the operator's authority: the chain decides.
        options.RemoteCertificateValidation = (certificate, _, errors) =>
            (errors & SslPolicyErrors.RemoteCertificateNotAvailable) == 0 && Trusts(certificate);
    }

    private static X509Certificate2 ReadCertificate(string path)
    {
        RequireFile(path, "--certificate");
        X509Certificate2 certificate;
        try
        {
            string text = File.ReadAllText(path);
            bool pem = text.Contains("-----BEGIN", StringComparison.Ordinal);
            if (pem && !text.Contains("PRIVATE KEY-----", StringComparison.Ordinal))
            {
                throw new ClusterTlsException($"--certificate '{path}' holds a certificate without its private key; put the key in the same PEM file (cat node.crt node.key > node.pem).");
            }
            certificate = pem ? X509Certificate2.CreateFromPemFile(path, path) : new X509Certificate2(path, (string?)null);
            // A key read from PEM is ephemeral, which some platforms' TLS cannot use; a PKCS#12 round trip makes it a stored one.
            if (pem)
            {
                using var ephemeral = certificate;
                certificate = new X509Certificate2(ephemeral.Export(X509ContentType.Pkcs12));
            }
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new ClusterTlsException($"--certificate '{path}' is not a PEM file with a certificate and its private key, nor a PKCS#12 file without a password ({FirstLine(e.Message)}).");
        }
        if (!certificate.HasPrivateKey)
        {
            throw new ClusterTlsException($"--certificate '{path}' holds a certificate without its private key; put the key in the same PEM file (cat node.crt node.key > node.pem).");
        }
        return certificate;
    }

    private static X509Certificate2Collection ReadTrust(string path)
    {
        RequireFile(path, "--trust");
        var trust = new X509Certificate2Collection();
        try
        {
            trust.ImportFromPemFile(path);
        }
        catch (CryptographicException e)
        {
            throw new ClusterTlsException($"--trust '{path}' is not a PEM file of certificates ({FirstLine(e.Message)}).");
        }
        if (trust.Count == 0)
        {
            throw new ClusterTlsException($"--trust '{path}' holds no certificate (expected PEM: -----BEGIN CERTIFICATE-----).");
        }
        return trust;
    }

    private static void RequireFile(string path, string option)
    {
        if (!File.Exists(path))
        {
            throw new ClusterTlsException($"{option} '{path}' is not a file that exists.");
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
