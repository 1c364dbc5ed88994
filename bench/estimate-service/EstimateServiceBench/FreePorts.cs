using System.Net;
using System.Net.Sockets;

namespace TradeGrid.Bench.EstimateServiceBench;

/// <summary>Loopback ports the kernel hands out now, held together so that no two are the same.</summary>
internal static class FreePorts
{
    public static int[] Take(int count)
    {
        var listeners = new List<TcpListener>();
        try
        {
            for (int i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (TcpListener listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
